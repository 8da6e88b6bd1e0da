from .bases import Base, Membership, SubPark
from .campaigns import Campaign

__all__ = ["Base", "Campaign", "Membership", "SubPark"]
