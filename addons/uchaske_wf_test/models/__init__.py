from . import uchaske_wf_test_case
from . import uchaske_wf_test_meeting
from . import uchaske_wf_test_plan
from . import uchaske_wf_test_note
