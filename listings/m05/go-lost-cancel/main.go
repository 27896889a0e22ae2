package main

import (
	"context"
	"fmt"
	"time"
)

func main() {
	// the cancel function is dropped
	ctx, _ := context.WithTimeout(context.Background(), time.Second)
	<-ctx.Done()
	fmt.Println(ctx.Err())
}
