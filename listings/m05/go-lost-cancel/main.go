package main

import (
	"context"
	"fmt"
	"time"
)

func main() {
	ctx, _ := context.WithTimeout(context.Background(), time.Second) // the cancel function is dropped
	<-ctx.Done()
	fmt.Println(ctx.Err())
}
