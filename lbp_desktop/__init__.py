"""Back-care desktop companion: guided sessions, pain diary and posture breaks."""

__version__ = "0.1.0"
APP_NAME = "Back Care Companion"
APP_ID = "lbp-desktop"
