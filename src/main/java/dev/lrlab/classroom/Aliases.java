package dev.lrlab.classroom;

import java.util.List;

/**
 * The names anonymized seats go by: an animal per seat for the first seats, then "Student n".
 * An alias depends on the seat number only, so it is the same on every page and after a restart.
 */
public final class Aliases {
    private static final List<String> ANIMALS = List.of("Otter", "Heron", "Lynx", "Badger", "Falcon", "Panda",
            "Koala", "Gecko", "Walrus", "Ibis", "Marten", "Puffin", "Bison", "Lemur", "Orca", "Tapir", "Crane",
            "Hare", "Newt", "Quokka", "Raven", "Seal", "Yak", "Zebra", "Moose", "Llama", "Beaver", "Cobra",
            "Dingo", "Egret", "Ferret", "Gibbon", "Hyena", "Jackal", "Kiwi", "Manatee", "Narwhal", "Okapi",
            "Pelican", "Robin");

    private Aliases() {
    }

    public static String of(int seat) {
        return seat >= 1 && seat <= ANIMALS.size() ? ANIMALS.get(seat - 1) : "Student " + seat;
    }
}
