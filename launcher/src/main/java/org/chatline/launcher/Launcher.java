package org.chatline.launcher;

public final class Launcher {
	public static void main(String[] args) {
	}
}
