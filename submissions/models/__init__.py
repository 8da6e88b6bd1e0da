from .bases import Base, Membership, SubPark
from .campaigns import Campaign
from .submission import (
    Activity,
    Amenity,
    Evidence,
    IndicatorDecision,
    InnovationCarrier,
    InvestmentChannel,
    QualityEnterprise,
    ReviewComment,
    ServiceCenter,
    StampedScan,
    Submission,
    SubmissionEvent,
    SubmissionVersion,
    SubSector,
)

__all__ = [
    "Activity",
    "Amenity",
    "Base",
    "IndicatorDecision",
    "ReviewComment",
    "StampedScan",
    "Campaign",
    "Evidence",
    "InnovationCarrier",
    "InvestmentChannel",
    "Membership",
    "QualityEnterprise",
    "ServiceCenter",
    "SubPark",
    "SubSector",
    "Submission",
    "SubmissionEvent",
    "SubmissionVersion",
]
