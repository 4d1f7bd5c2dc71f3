package io.airlines.ingest;

import java.util.SplittableRandom;

/** Transponder codes as controllers assign them: four octal digits, never an emergency code. */
final class Squawks {

    private Squawks() {
    }

    static String random(SplittableRandom random) {
        StringBuilder s = new StringBuilder(4);
        s.append(1 + random.nextInt(6));
        for (int i = 0; i < 3; i++) {
            s.append(random.nextInt(8));
        }
        return s.toString();
    }
}
