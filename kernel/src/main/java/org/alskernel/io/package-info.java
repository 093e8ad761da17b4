/** Readers that turn interaction files (MovieLens, Last.fm HetRec, general delimited) into matrices. */
package org.alskernel.io;
