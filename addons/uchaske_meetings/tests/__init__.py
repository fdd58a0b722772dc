from . import test_meeting
from . import test_protocol
from . import test_quarter_retention
from . import test_protocol_print
