"""First-run onboarding (issue 7).

dialog.py: the window (walk-through and single step); base.py: what a step
is; intro_steps.py, habit_steps.py, plan_step.py: the six steps; parts.py:
small shared widgets. The rules and what to store: domain/onboarding.py.
"""

from lbp_desktop.views.onboarding.dialog import OnboardingDialog

__all__ = ["OnboardingDialog"]
