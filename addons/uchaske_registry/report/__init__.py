from . import uchaske_list_print
from . import uchaske_list_report
from . import uchaske_list_xlsx
