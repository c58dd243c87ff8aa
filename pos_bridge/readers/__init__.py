"""POS export readers: one plugin per format, found through the ``loyalty.pos_readers`` entry points."""

from pos_bridge.readers.base import FileGroup, Problem, Reader, ReaderError, ReadResult

__all__ = ["FileGroup", "Problem", "ReadResult", "Reader", "ReaderError"]
