from . import test_boundary
