"""Re-scoring a campaign of 1,000 stored results (target < 2 s, constant number of queries)."""

import time

from harness import print_table, throwaway_database

N = 1000


def main() -> None:
    with throwaway_database() as connection:
        from django.db.models import F
        from django.test.utils import CaptureQueriesContext

        from evaluation.models import EvaluationResult
        from evaluation.services import campaign_rescore
        from submissions.demo_data import fill_submission
        from submissions.models import Base, Submission, SubmissionVersion
        from submissions.services.submit import submission_get_or_create, submission_submit
        from tests import factories

        campaign = factories.CampaignFactory()
        template_base = factories.BaseFactory()
        operator = factories.operator_of(template_base)
        draft = fill_submission(submission_get_or_create(base=template_base, campaign=campaign))
        version = submission_submit(submission_id=draft.pk, user=operator, declaration=True)
        result = version.evaluation
        bases = Base.objects.bulk_create(
            factories.BaseFactory.build(code=f"BM-{i:04d}", name=f"基准基地{i}")
            for i in range(N - 1)
        )
        submissions = Submission.objects.bulk_create(
            Submission(base=b, campaign=campaign, status="submitted") for b in bases
        )
        versions = SubmissionVersion.objects.bulk_create(
            SubmissionVersion(
                submission=s, number=1, snapshot=version.snapshot, receipt_number=f"R-{s.pk}",
                verification_code=f"V{s.pk:011d}", submitted_at=version.submitted_at,
                submitted_by=operator,
            )
            for s in submissions
        )  # fmt: skip
        EvaluationResult.objects.bulk_create(
            EvaluationResult(
                version=v, criteria_set=result.criteria_set, criteria_version=result.criteria_version,
                input=result.input, output=result.output, verdict=result.verdict,
                outcome=result.outcome, met=result.met, applicable=result.applicable,
            )
            for v in versions
        )  # fmt: skip
        campaign.shanghai_growth_avg = F("shanghai_growth_avg") + 15
        campaign.save()
        campaign.refresh_from_db()
        rows = []
        for run in range(3):
            with CaptureQueriesContext(connection) as ctx:
                start = time.perf_counter()
                count = campaign_rescore(campaign=campaign)
                elapsed = time.perf_counter() - start
            rows.append([run + 1, count, f"{elapsed:.3f}", len(ctx.captured_queries)])
        failing = EvaluationResult.objects.filter(verdict="fail").count()
        print_table(
            f"Re-score a campaign ({connection.vendor}); {failing} of {count} now fail indicator 4",
            ["run", "results", "seconds", "queries"],
            rows,
        )


if __name__ == "__main__":
    main()
