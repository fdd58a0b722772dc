from . import uchaske_wf_test_case
