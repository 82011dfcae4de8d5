/**
 * What every capability relies on and none owns: the database migration at deployment, the refusals every
 * service may answer with ({@link com.miniamazon.infrastructure.RequestRefusedException},
 * {@link com.miniamazon.infrastructure.NotFoundException}, {@link com.miniamazon.infrastructure.NotYoursException}),
 * and the shared configuration names.
 */
package com.miniamazon.infrastructure;
