package org.gdcert.core.train;

/** The axis every optimizer reports on: discrete step k, or continuous time t. */
public enum Axis {
    STEP, TIME
}
