#!/usr/bin/perl
# socket-holder.pl SOCKET PROGRAM ARGS...: what a systemd socket unit
# (systemd/weft@.socket.in) and its service do, for the tests, which have
# no systemd to run: binds the unix socket SOCKET (mode 0660) and keeps it
# for its whole life, and runs PROGRAM with it as descriptor 3 and
# LISTEN_PID, LISTEN_FDS=1 in the environment (socket activation).  On
# SIGHUP it restarts PROGRAM as `systemctl restart` does: the old one is
# stopped (SIGTERM, waited for), then the new one started; the socket and
# the connections waiting in its backlog stay.  SIGTERM stops PROGRAM and
# the holder.  Prints "started PID" for each start on stderr.
use strict;
use warnings;
use Socket;
use POSIX ();

my ($path, @cmd) = @ARGV;
die "usage: socket-holder.pl SOCKET PROGRAM ARGS...\n" unless @cmd;
# Descriptors up to 9 are not closed on exec: the socket must reach the
# program.
$^F = 9;
unlink $path;
socket(my $sock, AF_UNIX, SOCK_STREAM, 0) or die "socket: $!\n";
bind($sock, pack_sockaddr_un($path)) or die "bind $path: $!\n";
listen($sock, 128) or die "listen: $!\n";
chmod 0660, $path;

my $child = 0;
my ($hup, $term) = (0, 0);

sub start {
	my $pid = fork();
	die "fork: $!\n" unless defined $pid;
	if ($pid == 0) {
		POSIX::dup2(fileno($sock), 3) == 3 or POSIX::_exit(1)
		    if fileno($sock) != 3;
		$ENV{LISTEN_FDS} = 1;
		$ENV{LISTEN_PID} = $$;
		exec(@cmd) or POSIX::_exit(127);
	}
	$child = $pid;
	print STDERR "started $pid\n";
}

sub stop {
	return unless $child;
	kill 'TERM', $child;
	waitpid($child, 0);
	$child = 0;
}

$SIG{HUP} = sub { $hup = 1 };
$SIG{TERM} = sub { $term = 1 };
start();
while (!$term) {
	select(undef, undef, undef, 0.05);
	if ($hup) {
		$hup = 0;
		stop();
		start();
	}
}
stop();
unlink $path;
exit 0;
