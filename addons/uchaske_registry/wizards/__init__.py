from . import uchaske_appendix_import
from . import uchaske_appendix_import_bulk
from . import uchaske_appendix_import_background
from . import uchaske_noncustodial_as_of
from . import uchaske_workflow_transition_wizard
from . import uchaske_list_print_wizard
