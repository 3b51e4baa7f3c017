package org.chatline.call.calls;

enum CallType {

	AUDIO, VIDEO
}
