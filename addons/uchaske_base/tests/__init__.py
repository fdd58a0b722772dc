from . import test_roles
from . import test_organisation
from . import test_security
from . import test_login_policy
from . import test_frame_translations
from . import test_directory
from . import test_daily_time
