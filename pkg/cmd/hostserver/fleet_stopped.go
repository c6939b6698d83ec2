package main

import (
	"errors"
	"fmt"
	"syscall"
)

// reserveStopped binds a loopback port without listening on it: a
// connection is refused, as by a stopped instance, and no other process
// (other test servers start beside the host) can take the port while the
// host runs, which an address merely found free could not promise.
func reserveStopped() (addr string, release func(), err error) {
	fd, err := syscall.Socket(syscall.AF_INET, syscall.SOCK_STREAM, 0)
	if err != nil {
		return "", nil, err
	}
	// No SO_REUSEADDR: without it on both sockets, nobody else binds the port.
	if err := syscall.Bind(fd, &syscall.SockaddrInet4{Addr: [4]byte{127, 0, 0, 1}}); err != nil {
		_ = syscall.Close(fd)
		return "", nil, err
	}
	sa, err := syscall.Getsockname(fd)
	in4, ok := sa.(*syscall.SockaddrInet4)
	if err != nil || !ok {
		_ = syscall.Close(fd)
		return "", nil, errors.Join(errors.New("the reserved port has no IPv4 address"), err)
	}
	return fmt.Sprintf("127.0.0.1:%d", in4.Port), func() { _ = syscall.Close(fd) }, nil
}
