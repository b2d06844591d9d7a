print("pim-bench: to be built")
