package main

import (
	"fmt"
	"sync"
)

// ANCHOR: body
type Account struct {
	mu      sync.Mutex
	balance int
}

func (a *Account) Balance() int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.balance
}

func (a *Account) Deposit(amount int) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.balance += amount
	// Bug: the lock is still held, and Balance tries to take it again.
	fmt.Println("new balance:", a.Balance())
}

func main() {
	account := &Account{balance: 100}
	fmt.Println("depositing 50")
	account.Deposit(50)
	fmt.Println("never printed")
}

// ANCHOR_END: body
