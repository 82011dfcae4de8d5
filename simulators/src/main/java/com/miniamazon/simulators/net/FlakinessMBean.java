package com.miniamazon.simulators.net;

/** The flakiness knob as JMX sees it: jconsole, or bench/fulfilment moving a running stack to 30 % and back. */
public interface FlakinessMBean {

    /** Percent (0..99) of received command items ignored. */
    int getPercent();

    /** Changes it for every item received from now on. */
    void setPercent(int percent);
}
