package org.exhunt.hunt.attack;

/** A hand-made catalog small enough to reason about each score by hand. */
final class SmallCatalog {

    private SmallCatalog() {
    }

    static final String TACTICS = """
            # test tactics
            tactic\tid\tname
            initial-access\tTA0001\tInitial Access
            execution\tTA0002\tExecution
            persistence\tTA0003\tPersistence
            credential-access\tTA0006\tCredential Access
            collection\tTA0009\tCollection
            command-and-control\tTA0011\tCommand and Control
            """;

    static final String TECHNIQUES = """
            id\tname\ttactics
            T1003\tOS Credential Dumping\tcredential-access
            T1003.001\tLSASS Memory\tcredential-access
            T1059\tCommand and Scripting Interpreter\texecution
            T1059.001\tPowerShell\texecution
            T1059.003\tWindows Command Shell\texecution
            T1105\tIngress Tool Transfer\tcommand-and-control
            T1190\tExploit Public-Facing Application\tinitial-access
            T1505\tServer Software Component\tpersistence
            T1505.003\tWeb Shell\tpersistence
            T1505.004\tIIS Components\tpersistence
            T1560\tArchive Collected Data\tcollection
            T1560.001\tArchive via Utility\tcollection
            """;

    /** G0001..G0003 use the common T1190 and T1105; G0004 alone the rarer dump and archive. */
    static final String GROUPS = """
            id\tname\taliases\ttechniques
            G0001\tBroad\t\tT1059.001,T1059.003,T1105,T1190
            G0002\tParentOnly\tPO,Parental\tT1190,T1505
            G0003\tSubOnly\t\tT1059.001,T1105
            G0004\tRare\t\tT1003.001,T1560.001
            G0005\tCommon\t\tT1105,T1190
            G0006\tExact\t\tT1190,T1505.003
            G0007\tExactTwin\t\tT1190,T1505.003
            G0008\tNothing\t\t
            """;

    static AttackCatalog catalog() {
        return AttackCatalog.read(TACTICS, TECHNIQUES, GROUPS);
    }
}
