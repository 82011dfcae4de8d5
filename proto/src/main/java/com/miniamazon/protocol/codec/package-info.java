/**
 * The wire framing shared by every connection of the store and of the simulators: each protobuf message is
 * preceded by its length as a base-128 varint. {@link com.miniamazon.protocol.codec.FrameDecoder} turns any
 * split of the byte stream back into whole frames; {@link com.miniamazon.protocol.codec.FrameReader} and
 * {@link com.miniamazon.protocol.codec.FrameWriter} apply it to one socket.
 */
package com.miniamazon.protocol.codec;
