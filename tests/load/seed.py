"""Seed the load-test database: the demo data plus LOAD_OPERATORS bases, each with a full draft.

Run with: python manage.py shell < tests/load/seed.py   (LOAD_OPERATORS defaults to 50)
"""

import datetime as dt
import os

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from submissions.demo_data import fill_submission
from submissions.models import Base, Campaign, Membership
from submissions.services.submit import submission_get_or_create
from tests.factories import BaseFactory

call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
campaign = Campaign.objects.get(year=2024)
count = int(os.environ.get("LOAD_OPERATORS", "50"))
for i in range(count):
    code = f"LT-{i:03d}"
    base = Base.objects.filter(code=code).first() or BaseFactory(code=code, name=f"压测基地{i:03d}")
    user, created = get_user_model().objects.get_or_create(username=f"load{i:03d}")
    if created:
        user.set_password("load-test-password")
        user.save()
        Membership.objects.create(user=user, base=base)
    submission = submission_get_or_create(base=base, campaign=campaign)
    fill_submission(submission)
    # The demo campaign's deadline (2025-01-27) has passed: the load test works under an extension.
    submission.deadline_extension = timezone.now() + dt.timedelta(days=30)
    submission.save(update_fields=["deadline_extension"])
print(f"load test data: {count} operators (password load-test-password), reviewers from seed_demo")
