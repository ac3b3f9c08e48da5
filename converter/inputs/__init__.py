"""What is converted: releases, filings and the files given on the command line."""
