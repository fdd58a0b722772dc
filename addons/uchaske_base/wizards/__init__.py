from . import uchaske_workflow_transition_wizard
from . import uchaske_time_grid
from . import uchaske_time_grid_line
