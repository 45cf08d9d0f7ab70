-- A scenario written as assignments (the empty environment collects them).
name = "Globals style"
description = "The same fields, without a return"
plugins = { full = true }
seed = 3
