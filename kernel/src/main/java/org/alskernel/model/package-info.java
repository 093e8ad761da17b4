/** A trained factor model. */
package org.alskernel.model;
