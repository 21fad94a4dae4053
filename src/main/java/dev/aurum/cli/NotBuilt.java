package dev.aurum.cli;

import dev.aurum.AurumException;
import dev.aurum.ErrorCode;

/** The clear "not yet" of a command whose feature has not landed. */
final class NotBuilt
{
    private NotBuilt() {}

    static AurumException feature(String what)
    {
        return new AurumException(ErrorCode.NOT_BUILT, what + " is not built yet in this version of Aurum; see README.md for what works today.");
    }
}
