/**
 * Generic diagnostic checkers: the empirical NTK spectrum ({@code ntk}) and the measured local PL
 * ratio ({@code pl}). They measure and never certify: every report is CONDITIONAL.
 */
package org.gdcert.certificates.generic;
