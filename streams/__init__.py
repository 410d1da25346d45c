"""Stream processor for Korean economic-cooperation news.

Articles come in on Kafka, Faust agents clean and analyse them with Kiwi, and the
entities and signed agreements found go out on downstream topics.
"""

__version__ = "0.1.0"
