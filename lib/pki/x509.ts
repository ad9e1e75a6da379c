/**
 * @peculiar/x509 with its reflect-metadata requirement satisfied (see reflect-shim.ts).
 * Import X.509 helpers from here rather than from '@peculiar/x509' directly.
 */
import './reflect-shim';

export * from '@peculiar/x509';
