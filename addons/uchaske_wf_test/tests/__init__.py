from . import test_engine
from . import test_translated_titles
from . import test_deadline_calendar
from . import test_scope
from . import test_available_cost
