from . import uchaske_wf_test_case
from . import uchaske_wf_test_meeting
