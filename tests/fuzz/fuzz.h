/*
 * What every libFuzzer driver of tests/fuzz/ shares: the entry point
 * libFuzzer calls, and CHECK(), which turns a broken promise of the code
 * under test into a crash that libFuzzer reports and saves.
 */
#ifndef WEFT_FUZZ_H
#define WEFT_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define CHECK(x)							\
	do {								\
		if (!(x)) {						\
			fprintf(stderr, "%s:%d: invariant failed: %s\n",	\
			    __FILE__, __LINE__, #x);			\
			abort();					\
		}							\
	} while (0)

int	 LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#endif
