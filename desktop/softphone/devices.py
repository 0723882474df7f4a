"""Which audio device each role uses, and what a hot-plug changes: plain logic, no Qt.

Roles: the microphone, the speaker (or headset) and the ringer. Her choice is kept by
device key ("" = the system default). When a chosen device disappears its role falls back
to the default, without touching the call; when it comes back, she is asked once whether to
switch back.
"""

from __future__ import annotations

from dataclasses import dataclass, field

ROLES = ("microphone", "speaker", "ringer")


@dataclass(frozen=True)
class DeviceChoice:
    microphone: str = ""  # device key; "" = the system default
    speaker: str = ""
    ringer: str = ""

    def key(self, role: str) -> str:
        return str(getattr(self, role))


@dataclass(frozen=True)
class Change:
    fell_back: tuple[str, ...] = ()  # roles whose chosen device just vanished
    returned: tuple[str, ...] = ()  # roles whose chosen device is back (offer to switch)


@dataclass
class Fallbacks:
    choice: DeviceChoice = field(default_factory=DeviceChoice)
    fallen: set[str] = field(default_factory=set)
    offered: set[str] = field(default_factory=set)

    def choose(self, choice: DeviceChoice) -> None:
        self.choice = choice
        self.fallen.clear()
        self.offered.clear()

    def key(self, role: str) -> str:
        """The device key to open for the role now ("" = default)."""
        return "" if role in self.fallen else self.choice.key(role)

    def update(self, inputs: set[str], outputs: set[str]) -> Change:
        """The device lists changed (or a stream failed): what follows for each role."""
        fell, back = [], []
        for role in ROLES:
            key = self.choice.key(role)
            if not key:
                continue
            present = key in (inputs if role == "microphone" else outputs)
            if not present and role not in self.fallen:
                self.fallen.add(role)
                self.offered.discard(role)
                fell.append(role)
            elif present and role in self.fallen and role not in self.offered:
                self.offered.add(role)
                back.append(role)
        return Change(tuple(fell), tuple(back))

    def lost(self, role: str) -> bool:
        """A stream on the role's device failed; True if that is news."""
        if role in self.fallen or not self.choice.key(role):
            return False
        self.fallen.add(role)
        self.offered.discard(role)
        return True

    def switch_back(self, role: str) -> None:
        self.fallen.discard(role)
        self.offered.discard(role)
