/**
 * Networks: the fully connected {@link org.totaldiff.pinn.nn.Mlp} with Xavier-normal
 * initialisation, evaluated on a tape (plain or with input-derivative jets) or directly for
 * prediction.
 */
package org.totaldiff.pinn.nn;
