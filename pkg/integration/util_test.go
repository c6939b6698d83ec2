package integration

import (
	"strconv"
	"time"
)

func timeNowMillis() int64 { return time.Now().UnixMilli() }

func itoa(v int64) string { return strconv.FormatInt(v, 10) }
