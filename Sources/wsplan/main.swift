print("wsplan")
