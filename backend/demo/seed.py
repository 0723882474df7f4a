"""Demo staff accounts, created only when the backend runs with LUUKKU_DEMO=1."""

from __future__ import annotations

from backend.auth import hash_password
from backend.store.repository import Store
from backend.store.tables import StaffUser, utcnow

DEMO_PASSWORD = "demo"

# username, display name, role, skills
DEMO_STAFF = [
    ("hoitaja", "Hanna Hoitaja", "nurse", "neuvola,ehkaisy"),
    ("hoitaja2", "Liisa Lahtinen", "nurse", "neuvola,ehkaisy"),  # also a handbook editor
    ("psyk", "Pekka Psykiatrinen", "psychiatric_nurse", "mipa"),
    ("sihteeri", "Sari Sihteeri", "secretary", "asiakaspalvelu"),
    ("sosiaali", "Sonja Sosionomi", "social_worker", "perheneuvonta"),
    ("esihenkilo", "Eeva Esihenkilö", "supervisor", "neuvola,ehkaisy,mipa,perheneuvonta"),
]
# Clinic nurses who switch in when the service needs them (standby at log-in; their home
# clinics list them in the service file's [[clinics]]).
DEMO_DIGI_AGENTS = [
    ("digi1", "Kaisa Kallio", "clinic_nurse", "neuvola,ehkaisy"),
    ("digi2", "Veera Vuosaari", "clinic_nurse", "neuvola,mipa"),
]


async def seed_demo_staff(store: Store, chat_capacity: int = 2) -> None:
    password_hash = hash_password(DEMO_PASSWORD)
    for username, name, role, skills in DEMO_STAFF + DEMO_DIGI_AGENTS:
        if await store.user(username) is None:
            await store.add_user(
                StaffUser(
                    username=username,
                    display_name=name,
                    password_hash=password_hash,
                    role=role,
                    skills=skills,
                    chat_capacity=chat_capacity,
                    chat_while_on_call=False,
                    active=True,
                    created_at=utcnow(),
                    handbook_editor=username == "hoitaja2",
                    # A Swedish-speaking colleague: Swedish clients are offered to her first.
                    languages="fi,sv" if username in ("hoitaja2", "esihenkilo") else "fi",
                )
            )


async def seed_demo_handbook(store: Store) -> None:
    """The sample handbook (backend/demo/handbook), when the handbook is still empty."""
    from pathlib import Path

    from backend.handbook_io import import_folder
    from backend.store.handbook import HandbookStore

    handbook = HandbookStore(store)
    if not await handbook.pages():
        await import_folder(handbook, Path(__file__).parent / "handbook", "demo")
