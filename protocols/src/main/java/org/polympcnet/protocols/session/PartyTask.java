package org.polympcnet.protocols.session;

import org.polympcnet.protocols.ops.Party;

/** What one party does in a session, given its context. */
@FunctionalInterface
public interface PartyTask<R> {
    R run(Party party) throws Exception;
}
