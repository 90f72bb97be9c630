"""The central database: connecting (central or embedded), migrating, the channel contract and
live notifications. Plain Python: no Qt."""
