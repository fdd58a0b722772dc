from . import test_core_dates
from . import test_core_hashchain
from . import test_roles
from . import test_organisation
from . import test_security
