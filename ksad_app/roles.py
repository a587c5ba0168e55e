"""The app's roles (REQUIREMENTS.md, "Who uses it")."""

REGIONAL_OFFICER = "KSAD Regional Officer"
SEKRETARIAT_BERSAMA_MEMBER = "Sekretariat Bersama Member"
TKKSD_MEMBER = "TKKSD Member"
GOVERNOR_OFFICE = "Governor Office"
MINISTRY_OFFICIAL = "Ministry Official"
KSAD_MANAGER = "KSAD Manager"

ALL_ROLES = (
	REGIONAL_OFFICER,
	SEKRETARIAT_BERSAMA_MEMBER,
	TKKSD_MEMBER,
	GOVERNOR_OFFICE,
	MINISTRY_OFFICIAL,
	KSAD_MANAGER,
)

# Roles that see every cooperation, nationally.
UNRESTRICTED_ROLES = frozenset({"Administrator", "System Manager", KSAD_MANAGER, MINISTRY_OFFICIAL})
