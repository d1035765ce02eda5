package dev.pgorm.demo;

/** Where the demo prints: a titled section per feature. */
final class DemoConsole {

    private DemoConsole() {}

    /** Prints a blank line and the section's title. */
    static void section(String title) {
        System.out.println();
        System.out.println("== " + title);
    }
}
