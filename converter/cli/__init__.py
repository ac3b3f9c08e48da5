"""The command line and batches, with their reporting."""
